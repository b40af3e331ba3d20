/* Per-connection deadlines that do not restart (guard.c): the answer to
 * slowloris and to bodies trickled byte by byte. */
#ifndef CIBLE_GUARD_H
#define CIBLE_GUARD_H

#define GUARD_HEADER_SECONDS 15.0      /* request line + headers, or idle keep-alive */
#define GUARD_BODY_GRACE_SECONDS 10.0  /* a body: this, plus its size at the rate below */
#define GUARD_BODY_MIN_RATE 32768.0    /* bytes a second */

struct guard;

int guard_start(void);  /* the watchdog thread */
void guard_stop(void);
/* A new connection: its headers are due within GUARD_HEADER_SECONDS. */
struct guard *guard_open(int fd);
void guard_close(struct guard *g);
/* The next deadline, `seconds` from now; 0: none. */
void guard_set(struct guard *g, double seconds);
/* How long a body of `bytes` may take to arrive. */
double guard_body_seconds(unsigned long long bytes);
/* Connections shut down for a missed deadline since the start. */
unsigned long guard_expired(void);

#endif
