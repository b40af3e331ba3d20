# cible — build driven by pkg-config.
#   make                 build build/cible
#   make check           unit tests, API tests (real server, real SQLite file)
#   make check-pg        unit and API tests on a throwaway PostgreSQL server
#   make asan            the same test suite under ASan + UBSan (in build-asan/)
#   make fuzz            bounded libFuzzer runs of every parser (FUZZ_SECONDS each)
#   make install PREFIX=/usr/local DESTDIR=
# Sources are found by wildcard: a new file in src/<layer>/ or tests/unit/test_*.c
# is built without touching this file.

PKGS     := libmicrohttpd jansson sqlite3 libsodium xlsxwriter libpq libcurl
# libharu (libhpdf-dev) ships no pkg-config file: -lhpdf below
CC       ?= cc
BUILD    ?= build
PREFIX   ?= /usr/local
DESTDIR  ?=
OPT      ?= -O2 -g
SAN      ?=
FUZZ_SECONDS ?= 20

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))

ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif

CFLAGS_ALL := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
              -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
              $(OPT) $(SANFLAGS) $(PKG_CFLAGS) -Isrc -I$(BUILD)/gen $(CFLAGS)
LDFLAGS_ALL := $(SANFLAGS) $(LDFLAGS)
LIBS_ALL    := $(PKG_LIBS) -lhpdf -lcsv -lm -lpthread

CORE_SRC  := $(wildcard src/core/*.c)
STORE_SRC := $(wildcard src/store/*.c)
HTTP_SRC  := $(wildcard src/http/*.c)
WEB_SRC   := $(wildcard src/web/*.c)
APP_SRC   := $(wildcard src/app/*.c)
CLI_SRC   := $(wildcard src/cli/*.c)
LIB_SRC   := $(CORE_SRC) $(STORE_SRC) $(APP_SRC) $(HTTP_SRC) $(WEB_SRC) $(filter-out src/cli/main.c,$(CLI_SRC))

MIGRATIONS := $(sort $(wildcard src/store/migrations/*.sql))
ASSETS     := docs/openapi.json $(sort $(wildcard src/web/static/*))
GEN_C      := $(BUILD)/gen/migrations.c $(BUILD)/gen/assets.c

LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_C:.c=.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)

.PHONY: all check check-pg unit api asan fuzz fuzz-build install clean demo bench
all: $(BUILD)/cible

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILD)/gen/migrations.c: $(MIGRATIONS) scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh migrations $(MIGRATIONS) > $@

$(BUILD)/gen/assets.c: $(ASSETS) scripts/embed.sh
	@mkdir -p $(dir $@)
	sh scripts/embed.sh assets $(ASSETS) > $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CFLAGS_ALL) -c $< -o $@

$(BUILD)/libcible.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/cible: $(BUILD)/src/cli/main.o $(BUILD)/libcible.a
	$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIBS_ALL)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/t.h $(BUILD)/libcible.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libcible.a $(LDFLAGS_ALL) $(LIBS_ALL)

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

api: $(BUILD)/cible
	@CIBLE_BIN=$(abspath $(BUILD)/cible) CIBLE_SHARED=$(abspath ../shared) node tests/api/run.mjs

check: $(BUILD)/cible $(UNIT_BIN)
	@CIBLE_BIN=$(abspath $(BUILD)/cible) sh tests/run-all.sh $(UNIT_BIN)

# the same unit and API suites on a throwaway PostgreSQL server
check-pg: $(BUILD)/cible $(UNIT_BIN)
	@CIBLE_BIN=$(abspath $(BUILD)/cible) CIBLE_SHARED=$(abspath ../shared) sh tests/check-pg.sh $(UNIT_BIN)

asan:
	$(MAKE) BUILD=build-asan SAN=1 OPT="-O1 -g" check

# libFuzzer needs clang. The targets link the pure core and the readers of a
# request that need no store (src/http/parse.c, the import's mapping, the
# token hash), compiled once with coverage into build-fuzz/libfuzz.a; the
# targets that go through libmicrohttpd's parser run a daemon in-process
# (tests/fuzz/mhd_harness.h). Seeds: tests/fuzz/seeds/<target>/. UBSan
# findings are crashes (-fno-sanitize-recover).
FUZZ_SAN    := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS := -std=c11 -g -O1 $(FUZZ_SAN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc $(PKG_CFLAGS)
FUZZ_LIB_SRC := $(CORE_SRC) src/http/parse.c src/app/secret.c src/app/import_spec.c
FUZZ_LIB_OBJ := $(FUZZ_LIB_SRC:%.c=build-fuzz/obj/%.o)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build-fuzz/%)
build-fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@
build-fuzz/libfuzz.a: $(FUZZ_LIB_OBJ)
	ar rcs $@ $^
build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c build-fuzz/libfuzz.a $(wildcard tests/fuzz/*.h)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< build-fuzz/libfuzz.a $(LIBS_ALL)
fuzz-build: $(FUZZ_BIN)
# one run per target, so that `make -j2 fuzz` runs two at a time (each
# libFuzzer run is one thread); a crash fails its run and make
FUZZ_RUNS := $(FUZZ_BIN:build-fuzz/%=fuzz-run-%)
fuzz: $(FUZZ_RUNS)
$(FUZZ_RUNS): fuzz-run-%: build-fuzz/%
	@mkdir -p build-fuzz/corpus-$*; \
	  seeds=tests/fuzz/seeds/$*; [ -d $$seeds ] || seeds=; \
	  echo "fuzz $* for $(FUZZ_SECONDS)s"; \
	  build-fuzz/$* -max_total_time=$(FUZZ_SECONDS) -max_len=1100000 -rss_limit_mb=2048 \
	    -print_final_stats=0 build-fuzz/corpus-$* $$seeds 2>build-fuzz/$*.log \
	    || { tail -50 build-fuzz/$*.log; exit 1; }; \
	  echo "$*: $$(tail -1 build-fuzz/$*.log)"
.PHONY: fuzz fuzz-build $(FUZZ_RUNS)
-include $(FUZZ_LIB_OBJ:.o=.d)

demo: $(BUILD)/cible
	$(BUILD)/cible demo --db cible-demo.db --force
	$(BUILD)/cible serve --db cible-demo.db

install: $(BUILD)/cible
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/doc/cible
	install -m 755 $(BUILD)/cible $(DESTDIR)$(PREFIX)/bin/cible
	install -m 644 README.md docs/*.md docs/openapi.json $(DESTDIR)$(PREFIX)/share/doc/cible/

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
