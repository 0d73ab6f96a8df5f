/**
 * A device id: 16 random lowercase hex digits, made once per browser profile. It names this
 * device's files on the server and breaks ties between changes made in the same millisecond;
 * it says nothing about the machine.
 */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
