/* Files compiled into the binary (SQL migrations, web assets, the OpenAPI
 * document). Tables end with a NULL name; data is NUL-terminated. */
#ifndef CIBLE_EMBED_H
#define CIBLE_EMBED_H
#include <stddef.h>

struct embedded_file {
	const char *name;
	const unsigned char *data;
	size_t size;
};

extern const struct embedded_file migrations_files[];
extern const struct embedded_file assets_files[];

const struct embedded_file *embedded_find(const struct embedded_file *table,
					  const char *name);
#endif
