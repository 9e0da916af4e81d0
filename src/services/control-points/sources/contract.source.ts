// Control points of the contract aggregate are registered here (registerControlPointSource).
export {};
