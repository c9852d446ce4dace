/** The key store (密钥库): the service's private keys, encrypted in files outside PostgreSQL. */
package org.gongzhang.service.keystore;
