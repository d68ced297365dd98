/** Test clocks: 'wall-counter-device' with a readable wall offset. */
export const clk = (wall: number, device: string, counter = 0): string =>
  `${String(1_700_000_000_000 + wall)}-${String(counter).padStart(6, '0')}-${device}`;
