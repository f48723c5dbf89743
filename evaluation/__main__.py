"""``make eval-conversations``: play the scripted conversation sets against the whole system.

Starts Rasa and the action server as ``make run`` does, on free ports and a temporary data dir
(or uses a running system with ``--url``), plays every conversation of each set, and writes
var/reports/eval-conversations.md and .json. See docs/evaluation.md for the sets and the rules.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from bot.referrals import load_referrals
from evaluation.conversation_set import ConversationSetError, load_conversation_set
from evaluation.reply_reader import ReplyReader
from evaluation.report import markdown, summary, totals
from evaluation.resident import AssistantError, Played, RestClient, play
from evaluation.scoring import ConversationScore, score_conversation
from evaluation.transcripts import transcripts_markdown
from privacy.services import open_privacy_services
from privacy.settings import load_privacy_settings
from runtime.launcher import LaunchError, System, free_port
from settings.core import PROJECT_ROOT, Settings, load_settings

SETS_DIR = PROJECT_ROOT / "evaluation" / "sets"


def evaluate(paths: Sequence[Path], url: str, data_dir: Path,
             transcripts: dict[str, list[Played]] | None = None,
             ) -> dict[str, list[ConversationScore]]:
    """Scores per set; with ``transcripts`` also what was said, per set."""
    reader = ReplyReader.for_project(load_referrals())
    client = RestClient(url)
    privacy = open_privacy_services(load_privacy_settings(env={"DH_DATA_DIR": str(data_dir)}))
    results: dict[str, list[ConversationScore]] = {}
    for path in paths:
        conversation_set = load_conversation_set(path)
        scores = []
        for conversation in conversation_set.conversations:
            sender = f"eval-{conversation.id}-{uuid.uuid4().hex[:8]}"
            played = play(conversation, sender, client, reader)
            played.handoff_teams = tuple(
                h.team for h in privacy.queue.for_conversation(privacy.pseudonym(sender)))
            scores.append(score_conversation(played, reader))
            if transcripts is not None:
                transcripts.setdefault(conversation_set.name, []).append(played)
        results[conversation_set.name] = scores
    return results


def write_report(results: dict[str, list[ConversationScore]], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    body = "# Conversations against the running system\n\n" + "\n".join(
        markdown(name, scores) for name, scores in results.items())
    (out / "eval-conversations.md").write_text(body, encoding="utf-8")
    (out / "eval-conversations.json").write_text(json.dumps({
        name: {"totals": totals(scores), "conversations": [asdict(s) for s in scores]}
        for name, scores in results.items()}, indent=2, ensure_ascii=False), encoding="utf-8")
    return out / "eval-conversations.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__)
    parser.add_argument("sets", nargs="*", type=Path,
                        help="conversation sets (default: every set in evaluation/sets/)")
    parser.add_argument("--url", help="REST webhook of a running system (its data dir is "
                        "DH_DATA_DIR); default: start one")
    parser.add_argument("--transcripts", action="store_true",
                        help="also write what was said (eval-conversations-transcripts.md); "
                        "for development sets only - a judge set's transcripts stay unread")
    args = parser.parse_args(argv)
    said: dict[str, list[Played]] | None = {} if args.transcripts else None
    paths = args.sets or sorted(SETS_DIR.glob("*.yml"))
    settings = load_settings()
    try:
        for path in paths:
            load_conversation_set(path)
        if args.url:
            results = evaluate(paths, args.url, settings.data_dir, said)
        else:
            results = _evaluate_on_own_system(paths, said)
    except (ConversationSetError, LaunchError, AssistantError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    report = write_report(results, settings.data_dir / "reports")
    if said is not None:
        written = settings.data_dir / "reports" / "eval-conversations-transcripts.md"
        written.write_text("# What was said\n\n" + "\n".join(
            transcripts_markdown(name, played) for name, played in said.items()), "utf-8")
        print(f"transcripts: {written}")
    print("\n".join(summary(name, scores) for name, scores in results.items()))
    print(f"report: {report}")
    return 0


def _evaluate_on_own_system(paths: Sequence[Path], transcripts: dict[str, list[Played]] | None
                            ) -> dict[str, list[ConversationScore]]:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        settings: Settings = load_settings(env={
            **os.environ, "DH_DATA_DIR": str(base / "data"), "DH_RASA_PORT": str(free_port()),
            "DH_ACTIONS_PORT": str(free_port()), "DH_PORTAL_PORT": str(free_port())})
        with System(settings, log_dir=base / "logs"):
            url = f"http://{settings.host}:{settings.rasa_port}/webhooks/rest/webhook"
            return evaluate(paths, url, settings.data_dir, transcripts)


if __name__ == "__main__":
    sys.exit(main())
