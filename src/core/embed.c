/* Look-up in the tables that scripts/embed.sh generates. */
#include <string.h>
#include "core/embed.h"

const struct embedded_file *embedded_find(const struct embedded_file *table,
					  const char *name)
{
	for (; table->name; table++)
		if (!strcmp(table->name, name))
			return table;
	return NULL;
}
