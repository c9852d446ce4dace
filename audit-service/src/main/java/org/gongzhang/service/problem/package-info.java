/** Errors as answers: RFC 9457 problem+json in the caller's language, naming the field at fault. */
package org.gongzhang.service.problem;
