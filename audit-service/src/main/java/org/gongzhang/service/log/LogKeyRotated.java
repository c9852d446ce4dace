package org.gongzhang.service.log;

import org.gongzhang.verifier.checkpoint.LogKeyRotation;

/**
 * The log key was rotated (日志密钥轮换); the witnesses are sent the rotation so that they trust
 * the new key.
 *
 * @param rotation the rotation, signed by the old and the new key
 */
public record LogKeyRotated(LogKeyRotation rotation) {
}
