// Control points of the invoice aggregate are registered here (registerControlPointSource).
export {};
