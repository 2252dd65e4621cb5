import { SingleBar } from 'cli-progress';

/** A progress bar on stderr (so stdout stays parseable), drawn only when stderr is a terminal. */
export function progressBar(label: string): SingleBar {
  return new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate} ev/s | eta {eta}s`,
    stream: process.stderr,
    noTTYOutput: false,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    hideCursor: true,
    etaBuffer: 50,
  });
}
