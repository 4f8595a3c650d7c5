/** The WAV container the synthesised sounds are handed over in (howler plays it from a blob: URL). */
import { SAMPLE_RATE } from './tone.ts';

/** Encode mono samples as a 16-bit PCM WAV file. Out-of-range values clip; NaN becomes silence. */
export function encodeWav(samples: Float32Array, sampleRate: number = SAMPLE_RATE): ArrayBuffer {
  const dataBytes = samples.length * 2;
  const buf = new ArrayBuffer(44 + dataBytes);
  const v = new DataView(buf);
  const ascii = (off: number, s: string): void => {
    for (let i = 0; i < s.length; i++) v.setUint8(off + i, s.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true); // PCM fmt chunk size
  v.setUint16(20, 1, true); // format 1 = integer PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true); // byte rate
  v.setUint16(32, 2, true); // block align
  v.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i] as number;
    const c = Number.isNaN(x) ? 0 : Math.max(-1, Math.min(1, x));
    v.setInt16(44 + 2 * i, Math.round(c * 32767), true); // WAV is little-endian whatever the host is
  }
  return buf;
}
