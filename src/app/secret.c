/* Passwords and secrets (secret.h): argon2id and BLAKE2b from libsodium.
 *
 * Each argon2id hash or check takes crypto_pwhash_MEMLIMIT_INTERACTIVE
 * (64 MiB) for ~100 ms. Unbounded, n concurrent logins would take n × 64 MiB:
 * any anonymous client could make the server swap. A gate lets as many run at
 * once as there are processors (CIBLE_HASH_SLOTS overrides); the others wait
 * their turn, so memory stays below slots × 64 MiB above the server's own. */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "app/secret.h"

#define PASSWORD_MIN 8

static pthread_mutex_t gate_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gate_cv = PTHREAD_COND_INITIALIZER;
static int gate_busy, gate_slots;

static int slots_wanted(void)
{
	const char *env = getenv("CIBLE_HASH_SLOTS");
	long n = env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static void gate_enter(void)
{
	pthread_mutex_lock(&gate_mu);
	if (!gate_slots)
		gate_slots = slots_wanted();
	while (gate_busy >= gate_slots)
		pthread_cond_wait(&gate_cv, &gate_mu);
	gate_busy++;
	pthread_mutex_unlock(&gate_mu);
}

static void gate_leave(void)
{
	pthread_mutex_lock(&gate_mu);
	gate_busy--;
	pthread_cond_signal(&gate_cv);
	pthread_mutex_unlock(&gate_mu);
}

int secret_password_slots(void)
{
	pthread_mutex_lock(&gate_mu);
	if (!gate_slots)
		gate_slots = slots_wanted();
	int n = gate_slots;
	pthread_mutex_unlock(&gate_mu);
	return n;
}

int secret_password_check(const char *hash, const char *password)
{
	gate_enter();
	int rc = crypto_pwhash_str_verify(hash, password, strlen(password));
	gate_leave();
	return rc == 0 ? 0 : -1;
}

int auth_hash_password(const char *password, char out[128], struct err *e)
{
	if (strlen(password) < PASSWORD_MIN) {
		char n[8];
		snprintf(n, sizeof(n), "%d", PASSWORD_MIN);
		return err_set(e, 422, "weak_password", "password", n, NULL);
	}
	gate_enter();
	int rc = crypto_pwhash_str_alg(out, password, strlen(password),
				       crypto_pwhash_OPSLIMIT_INTERACTIVE,
				       crypto_pwhash_MEMLIMIT_INTERACTIVE,
				       crypto_pwhash_ALG_ARGON2ID13);
	gate_leave();
	if (rc != 0)
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
