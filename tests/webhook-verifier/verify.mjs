// Verifies one webhook request with the Standard Webhooks reference implementation (npm "standardwebhooks").
// stdin: {"secret":"whsec_...","headers":{"webhook-id":"...","webhook-timestamp":"...","webhook-signature":"..."},"body":"..."}
// Prints "verified" and exits 0, or prints the verifier's complaint and exits 1.
import { Webhook } from "standardwebhooks";

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) {
  input += chunk;
}

const { secret, headers, body } = JSON.parse(input);
try {
  new Webhook(secret).verify(Buffer.from(body, "utf8"), headers);
  console.log("verified");
} catch (error) {
  console.log(`${error.name}: ${error.message}`);
  process.exitCode = 1;
}
