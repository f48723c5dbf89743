# Digitale Huiskamer — every set-up step lives here, so a fresh machine needs only Python 3.11.
SHELL := /bin/bash
PYTHON_BOOT ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
MODEL := models/assistant.tar.gz
NER_MODEL := models/ner-nl/meta.json
SAFETY_MODEL := models/safety-nl/detector.json
FOREIGN_SAFETY_MODEL := models/safety-foreign/model.json
LATIN_LANGUAGE_MODEL := models/language-latin/model.json
# What the boundary's language check loads beside the detector (bot/languages.py).
LANGUAGE_MODELS := $(FOREIGN_SAFETY_MODEL) $(LATIN_LANGUAGE_MODEL)
NLU_DATA := $(shell find nlu_data -name '*.yml' 2>/dev/null)
# Each model's inputs: every project module its build imports (tests/test_build_inputs.py checks)
# and the data it reads, so a local build never keeps a model older than its code.
SAFETY_INPUTS := bot/safety_detector.py bot/safety.py bot/safety_phrases.yml bot/nlu_examples.py bot/ngram_model.py $(NLU_DATA) \
	bot/form_answers.py bot/form_answer_sets.yml $(wildcard evaluation/sets/conv_*.yml)
TRAINING_INPUTS := config.yml domain.yml bot/safety_net.py bot/safety_check.py \
	bot/safety_followup.py bot/topic_followup.py bot/safety_phrases.yml bot/case_code_router.py bot/language_router.py bot/unknown_words.py bot/who_asks.py bot/who_asks.yml bot/topics.py bot/linear_intents.py bot/request_bar.py bot/agreeing_intents.py bot/quick_load.py \
	bot/language_id.py bot/language_switch.yml bot/transliterate.py redaction/placeholders.py $(SAFETY_MODEL) $(NLU_DATA)
# The NER trains on retired corpora as the recognizers see them (redaction/normalise.py's view).
NER_INPUTS := $(shell find redaction/ner -name '*.py' -o -name '*.cfg' -o -name '*.yml' 2>/dev/null) \
	$(wildcard tests/redaction/data/*_corpus*.yml) redaction/normalise.py redaction/view.py redaction/disguises.py \
	redaction/number_words.py redaction/ordinal_dates.py redaction/spelled.py redaction/street_suffixes.py \
	redaction/wordlists.py redaction/evaluation/corpus.py $(addprefix redaction/recognizers/data/,number_words.txt \
	month_words.txt value_labels.txt no_noun_words.txt letter_words.txt date_month_names.txt ordinal_words.txt \
	email_tlds.txt)
# Browser tests of the chat widget (tests/e2e/test_widget_browser.py): Debian's Chromium, driven
# by playwright (requirements.lock, no browser download), and axe-core from npm into .tools/.
AXE := .tools/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1
# Builds are reproducible: fixed hash seed, one thread for the numeric libraries (the seeds live
# in config.yml and redaction/ner/config.cfg) and, on x86-64, one OpenBLAS kernel family whatever
# the CPU (each family sums in another order; the NER's trainer pins it itself, train_process.py).
BLAS_CORE := $(if $(filter x86_64,$(shell uname -m)),OPENBLAS_CORETYPE=Haswell)
DETERMINISTIC := PYTHONHASHSEED=0 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BLAS_CORE)
# TensorFlow (TED): deterministic kernels on one thread each, so a fresh clone trains the
# very model the tests were written against (a model trained on two threads drifted between runs).
TF_DETERMINISM := TF_DETERMINISTIC_OPS=1 TF_INTER_OP_PARALLELISM_THREADS=1 TF_INTRA_OP_PARALLELISM_THREADS=1

.PHONY: setup browser-tools nginx run test test-fast train eval eval-redaction eval-blind eval-conversations bench bench-load lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-deps --ignore-requires-python -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Once per machine: apt-get only when chromium is missing (CI runs as root; apt works there).
browser-tools: $(AXE)
	command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }

$(AXE):
	command -v npm >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm; }
	npm install --no-audit --no-fund --silent --prefix .tools axe-core@$(AXE_VERSION)

# nginx in front of several Rasa instances (DH_RASA_INSTANCES=N, runtime/nginx_config.py):
# Debian's package, apt-get only when it is missing (CI runs as root). The launcher runs it as its
# own child with a generated config; the system service is never used (nor started: Debian's
# policy-rc.d in containers, and the service is not needed).
NGINX_NEEDED := $(filter-out 0 1,$(DH_RASA_INSTANCES))$(filter true 1 yes,$(DH_NGINX_ALWAYS))
nginx:
	command -v nginx >/dev/null || test -x /usr/sbin/nginx || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx; }

train: $(SAFETY_MODEL) $(LANGUAGE_MODELS) $(MODEL) $(NER_MODEL)

# The crisis and violence detector the boundary and the assistant share (bot/safety_detector.py).
$(SAFETY_MODEL): $(VENV)/.installed $(SAFETY_INPUTS)
	$(DETERMINISTIC) $(PY) -m bot.safety_detector build --out models/safety-nl

# The crisis and violence check for messages in other languages (bot/foreign_safety.py).
$(FOREIGN_SAFETY_MODEL): $(VENV)/.installed bot/foreign_safety.py bot/foreign_safety.yml bot/ngram_model.py \
		bot/spelling_fold.py bot/language_id.py bot/safety.py bot/safety_phrases.yml bot/transliterate.py bot/language_sets.py \
		$(wildcard bot/eval/languages/*.yml)
	$(DETERMINISTIC) $(PY) -m bot.foreign_safety build --out models/safety-foreign

# The reader of messages in Latin letters the language check asks when unsure (bot/latin_language.py).
$(LATIN_LANGUAGE_MODEL): $(VENV)/.installed bot/latin_language.py bot/latin_language.yml bot/ngram_model.py \
		bot/transliterate.py bot/foreign_safety.py bot/foreign_safety.yml bot/spelling_fold.py bot/safety.py bot/safety_phrases.yml bot/language_id.py \
		bot/nlu_examples.py bot/language_sets.py $(NLU_DATA) $(wildcard bot/eval/languages/*.yml)
	$(DETERMINISTIC) $(PY) -m bot.latin_language build --out models/language-latin

# The assistant: NLU + dialogue model.
$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS)
	$(DETERMINISTIC) $(TF_DETERMINISM) $(RASA) train --config config.yml --domain domain.yml --data nlu_data \
		--out models --fixed-model-name assistant

# The Dutch NER the redaction layer uses (trained here: no Dutch pipeline can be installed).
$(NER_MODEL): $(VENV)/.installed $(NER_INPUTS)
	$(DETERMINISTIC) $(PY) -m redaction.ner build --out models/ner-nl

# PROFILE=production DH_RASA_INSTANCES=N make run: N Rasa instances behind nginx on DH_RASA_PORT.
run: $(VENV)/.installed $(MODEL) $(NER_MODEL) $(LANGUAGE_MODELS) $(if $(NGINX_NEEDED),nginx)
	$(PY) -m runtime run

# Everything, as CI runs it: unit, component and end-to-end tests (real Rasa, action server and
# portal on loopback; tests/conftest.py marks those `e2e`) and the `slow` ones - on two workers:
# the e2e tests together on one (they share the session system), everything else on the other.
TEST_WORKERS ?= 2
test: $(VENV)/.installed $(MODEL) $(NER_MODEL) $(LANGUAGE_MODELS) browser-tools nginx
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=15

# The inner loop: unit and component tests only - nothing that starts Rasa (`e2e`), nothing
# `slow` (e.g. the deduce baseline, which `make eval-redaction` runs) - on every core.
TEST_FAST_WORKERS ?= auto
test-fast: $(VENV)/.installed $(NER_MODEL) $(LANGUAGE_MODELS)
	$(PY) -m pytest -m "not e2e and not slow" -n $(TEST_FAST_WORKERS) --dist loadfile

eval: $(VENV)/.installed
	$(PY) -m bot.evaluation

eval-redaction: $(VENV)/.installed $(NER_MODEL)
	$(PY) -m redaction.evaluation

# The trained assistant on blind resident messages (bot/eval/blind/); see docs in bot/blind_messages.py.
eval-blind: $(VENV)/.installed $(MODEL) $(LANGUAGE_MODELS)
	$(PY) -m bot.blind_messages

# Scripted resident conversations (evaluation/sets/) against the whole running system;
# var/reports/eval-conversations.md. About 10 minutes for two sets of 64.
eval-conversations: $(VENV)/.installed $(MODEL) $(NER_MODEL) $(LANGUAGE_MODELS)
	$(PY) -m evaluation $(EVAL_SETS)

# The full stack against bare Rasa (same model, same scripted conversations, stacks alternating),
# start-up and memory (var/reports/bench-assistant.md, ~12 minutes); then redaction alone and the
# trend store. BENCH_ARGS="--training" also times a cold `rasa train`.
bench: $(VENV)/.installed $(MODEL) $(NER_MODEL) $(LANGUAGE_MODELS)
	$(PY) -m benchmarks.assistant $(BENCH_ARGS)
	$(PY) -m benchmarks.redaction
	$(PY) -m benchmarks.trends

# Concurrent resident conversations over REST: embedded vs production profile, the cost of
# redaction, the plaintext-PII scan of every store (var/reports/bench-load.md). ~15 minutes;
# e.g. BENCH_LOAD_ARGS="--duration 30 --levels 40".
bench-load: $(VENV)/.installed $(MODEL) $(NER_MODEL) $(LANGUAGE_MODELS) nginx
	$(PY) -m benchmarks.load $(BENCH_LOAD_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

clean:
	rm -rf models/*.tar.gz models/ner-nl .rasa results
