// The qrcode package, loaded on first use: slips, posters and the two-step sign-in page are rare,
// and a server process at rest does not need it (decision 016).
export const loadQrCode = () => import("qrcode").then((m) => m.default);
