/* Passwords and secrets (secret.h): argon2id and BLAKE2b from libsodium. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include "app/secret.h"

#define PASSWORD_MIN 8

int auth_hash_password(const char *password, char out[128], struct err *e)
{
	if (strlen(password) < PASSWORD_MIN) {
		char n[8];
		snprintf(n, sizeof(n), "%d", PASSWORD_MIN);
		return err_set(e, 422, "weak_password", "password", n, NULL);
	}
	if (crypto_pwhash_str_alg(out, password, strlen(password),
				  crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE,
				  crypto_pwhash_ALG_ARGON2ID13) != 0)
		return err_set(e, 500, "internal", NULL, "password hashing failed", NULL);
	return 0;
}

int auth_token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
	return 0;
}

int auth_new_secret(const char *prefix, char *out, size_t n)
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof(raw));
	size_t plen = strlen(prefix);
	if (n < plen + 65)
		return -1;
	memcpy(out, prefix, plen);
	sodium_bin2hex(out + plen, n - plen, raw, sizeof(raw));
	return 0;
}
