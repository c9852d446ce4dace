/**
 * 公示: statements drafted by the accounting agent, signed off by the community auditor over their
 * content hash and checkpoint, published for a posting period (公示期) as immutable versions, and
 * corrected by new versions; owners' objections with their answer deadline and escalation; the
 * disclosure calendar; batches of statements for a community or street. Every step is a signed
 * entry; this package keeps the service's index of them and the private parts entries only
 * commit to.
 */
package org.gongzhang.service.disclosure;
