// Control points of the meeting aggregate are registered here (registerControlPointSource).
export {};
