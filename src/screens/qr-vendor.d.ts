// The QR encoder that qrcode-terminal 0.12 vendors (Kazuhiko Arase's, MIT): the parts qr.ts uses.
declare module "qrcode-terminal/vendor/QRCode/index.js" {
  interface BitBuffer {
    put(num: number, length: number): void;
  }
  /** A data segment: the encoder writes its mode, its length (in characters), then calls write(). */
  export interface QrSegment {
    mode: number;
    getLength(): number;
    write(buffer: BitBuffer): void;
  }
  export default class QRCode {
    /** typeNumber -1: the smallest version that holds the data. errorCorrectLevel: L 1, M 0, Q 3, H 2. */
    constructor(typeNumber: number, errorCorrectLevel: number);
    dataList: QrSegment[];
    modules: boolean[][];
    make(): void;
    getModuleCount(): number;
  }
}
