/* Deadlines that do not restart: libmicrohttpd's connection timeout starts
 * again with every byte, so a client that trickles one header line every few
 * seconds (slowloris) keeps its connection for ever. Each connection here has
 * at most one deadline at a time: its request line and headers must be in
 * within GUARD_HEADER_SECONDS of its opening (or of the end of its previous
 * request), its body at a minimum rate; a watchdog thread shuts down the
 * socket of a connection past its deadline, and libmicrohttpd then closes it
 * as it would a client that went away.
 *
 * A deadline measures the client, not the server: when it passes while bytes
 * the client sent are still unread in the socket (FIONREAD), the server was
 * the slow one (its thread busy with another connection's handler, waiting
 * for a password hash in a burst of logins), and the connection is looked at
 * again at the next sweep instead of cut. A slow client's bytes are read as
 * soon as they come, so its deadline stands.
 *
 * The socket is shut down, never closed, here, and only while the entry is in
 * the registry under its mutex: libmicrohttpd calls guard_close (its
 * NOTIFY_CLOSED) before it closes the descriptor, so a number reused by a new
 * connection is never touched. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include "http/guard.h"

struct guard {
	struct guard *prev, *next;
	int fd;
	double deadline;  /* monotonic seconds; 0: none (a handler is running) */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static struct guard *head;
static pthread_t watchdog;
static int running, stopping;
static unsigned long expired;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void *watch(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!stopping) {
		double t = now();
		for (struct guard *g = head; g; g = g->next)
			if (g->deadline > 0 && t > g->deadline) {
				int unread = 0;
				if (ioctl(g->fd, FIONREAD, &unread) == 0 && unread > 0) {
					g->deadline = t + 0.25;
					continue;
				}
				g->deadline = 0;
				shutdown(g->fd, SHUT_RDWR);
				expired++;
			}
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 250 * 1000 * 1000;  /* four sweeps a second */
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&wake, &lock, &until);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int guard_start(void)
{
	pthread_mutex_lock(&lock);
	stopping = 0;
	int rc = running ? 0 : pthread_create(&watchdog, NULL, watch, NULL);
	if (!rc)
		running = 1;
	pthread_mutex_unlock(&lock);
	return rc ? -1 : 0;
}

void guard_stop(void)
{
	pthread_mutex_lock(&lock);
	if (!running) {
		pthread_mutex_unlock(&lock);
		return;
	}
	stopping = 1;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(watchdog, NULL);
	running = 0;
}

struct guard *guard_open(int fd)
{
	struct guard *g = calloc(1, sizeof(*g));
	if (!g)
		return NULL;
	g->fd = fd;
	g->deadline = now() + GUARD_HEADER_SECONDS;
	pthread_mutex_lock(&lock);
	g->next = head;
	if (head)
		head->prev = g;
	head = g;
	pthread_mutex_unlock(&lock);
	return g;
}

void guard_close(struct guard *g)
{
	if (!g)
		return;
	pthread_mutex_lock(&lock);
	if (g->prev)
		g->prev->next = g->next;
	else
		head = g->next;
	if (g->next)
		g->next->prev = g->prev;
	pthread_mutex_unlock(&lock);
	free(g);
}

void guard_set(struct guard *g, double seconds)
{
	if (!g)
		return;
	double d = seconds > 0 ? now() + seconds : 0;
	pthread_mutex_lock(&lock);
	g->deadline = d;
	pthread_mutex_unlock(&lock);
}

double guard_body_seconds(unsigned long long bytes)
{
	return GUARD_BODY_GRACE_SECONDS + (double)bytes / GUARD_BODY_MIN_RATE;
}

unsigned long guard_expired(void)
{
	pthread_mutex_lock(&lock);
	unsigned long n = expired;
	pthread_mutex_unlock(&lock);
	return n;
}
