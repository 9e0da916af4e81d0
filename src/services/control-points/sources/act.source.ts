// Control points of the act aggregate are registered here (registerControlPointSource).
export {};
