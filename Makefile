# The two commands of the README:
#   make example   set everything up and build the bundled examples into PDFs
#   make test      set everything up and run the checks and tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: example test setup system lint typecheck bench templates-text messages clean

example: setup
	@for ws in examples/*/; do \
	  echo "== $$ws"; \
	  $(BIN)/vadocs build --pdf $$ws/kunden/ || exit 1; \
	done

test: setup
	$(BIN)/ruff check vadocs tests tools
	$(BIN)/ruff format --check vadocs tests tools
	$(BIN)/mypy vadocs
	$(BIN)/python -m pytest -q

setup: system $(VENV)/.installed

system:
	@scripts/setup-system.sh

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

templates-text: setup
	@for t in vadocs/templates_de/*.docx; do \
	  $(BIN)/vadocs text $$t > $${t%.docx}.txt || exit 1; echo "wrote $${t%.docx}.txt"; \
	done

# The message catalog: extract the _()-marked English texts, update the German
# translations (new ones appear empty in vadocs/locale/de/LC_MESSAGES/vadocs.po),
# compile vadocs.mo. tests/test_i18n.py fails until every text is translated.
POT := vadocs/locale/vadocs.pot
messages:
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output \
	  --project vadocs --copyright-holder "vadocs" -o $(POT) vadocs
	$(BIN)/pybabel update -i $(POT) -d vadocs/locale -D vadocs -l de \
	  --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d vadocs/locale -D vadocs --statistics
	rm -f $(POT)

clean:
	rm -rf $(VENV) examples/*/out examples/*/.vadocs
