/**
 * Independent witnesses (见证人): after each checkpoint the log key signs, the service asks every
 * configured witness to cosign it (C2SP tlog-witness), keeps their cosignatures on the checkpoint,
 * and marks a book whose witnesses refuse it as a split view.
 */
package org.gongzhang.service.witness;
