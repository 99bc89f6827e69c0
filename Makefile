# The two commands a newcomer runs: `make demo` and `make test`. Every target installs what it needs.
NPM ?= npm
.DEFAULT_GOAL := help

.PHONY: help install build test demo bench devnet clean

help:
	@echo "make demo    deploy the web-app example on the local devnet, update it, destroy it"
	@echo "make test    install, build and run the whole test suite"
	@echo "make bench   run the benchmarks and print their numbers"
	@echo "make devnet  run the local Akash devnet in the foreground"

# npm ci only when the lock file changed since the last install.
node_modules/.install-stamp: package-lock.json
	$(NPM) ci --no-audit --no-fund
	@touch $@

install: node_modules/.install-stamp

build: install
	$(NPM) run build

# One spec: npx mocha dist/test/resources/deployment.spec.js (after make build).
test: build
	$(NPM) run test:only

demo: build
	node dist/examples/demo.js

bench: build
	$(NPM) run bench

devnet: build
	node bin/pulumi-akash.js devnet

clean:
	rm -rf dist
