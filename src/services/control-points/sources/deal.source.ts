// Control points of the deal aggregate are registered here (registerControlPointSource).
export {};
