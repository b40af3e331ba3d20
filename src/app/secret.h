/* Passwords and secrets, for the use cases of every surface (people added
 * by the API, the admin page or `cible user add`; API tokens; sessions):
 * the password rule (8 characters at least) and its argon2id hash, a
 * token's BLAKE2b hash (only hashes reach the database), a random secret. */
#ifndef CIBLE_APP_SECRET_H
#define CIBLE_APP_SECRET_H
#include <stddef.h>
#include "core/err.h"

/* 422 weak_password (field "password") when shorter than 8 characters. */
int auth_hash_password(const char *password, char out[128], struct err *e);
/* 0 when password matches the argon2id hash; -1 otherwise. At most
 * secret_password_slots() hashes or checks run at once (64 MiB each). */
int secret_password_check(const char *hash, const char *password);
int secret_password_slots(void);
int auth_token_hash(const char *token, char out[65]);
int auth_new_secret(const char *prefix, char *out, size_t n);  /* random, url-safe */

#endif
