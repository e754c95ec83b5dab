// JavaScript hooks for access.rules. Each top-level function can be called in a
// condition as js.<name>(…); it must return true or false. Hooks run in a sandbox:
// no access to .NET, the file system or the network, and bounded time, memory,
// statements and recursion.

// A change ticket is `CHG-` and five digits; the last is a check digit: the sum of
// the first four, modulo 10. `CHG-10001` is valid (1+0+0+0 = 1); `CHG-10002` is not.
function isValidChangeTicket(ticket) {
  if (typeof ticket !== 'string') return false;
  const match = /^CHG-(\d{4})(\d)$/.exec(ticket);
  if (match === null) return false;
  const sum = match[1].split('').reduce((total, digit) => total + Number(digit), 0);
  return sum % 10 === Number(match[2]);
}
