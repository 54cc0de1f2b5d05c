/** QR codes of dossier codes, as PNG bytes for pdf-lib to embed. */
import QRCode from 'qrcode';

/** A QR code of `text` as PNG; error correction M survives a smudged thermal print. */
export async function qrPng(text: string, scale = 4): Promise<Uint8Array> {
  const buf = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale });
  return new Uint8Array(buf);
}
