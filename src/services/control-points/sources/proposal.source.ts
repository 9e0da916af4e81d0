// Control points of the proposal aggregate are registered here (registerControlPointSource).
export {};
