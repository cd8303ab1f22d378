"""Where a student is in a guide: the current step, the steps done, Back/Next (Qt-free).

The GUI keeps one :class:`GuideProgress` per open guide.  On every change of the lesson it
calls :meth:`GuideProgress.evaluate` with fresh facts; a task whose check passes once stays
done (so "change η while it trains" stays done after the run stops), and Next unlocks.  The
student may leave the guide and play freely: the progress object simply waits, and
:meth:`to_dict` / :meth:`from_dict` keep it across sessions.  Entering a step, the GUI applies
``progress.step.state`` (weights, input row, panels, controls, reset).
"""

from __future__ import annotations

from dataclasses import dataclass

from nnviz.core.guides.checks import evaluate
from nnviz.core.guides.hints import CheckResult
from nnviz.core.guides.model import Guide, GuideError, Step, Text

#: States of a step in the progress strip.
DONE, CURRENT, OPEN, LOCKED = "done", "current", "open", "locked"


@dataclass(frozen=True)
class StepStatus:
    """The current step after an evaluation."""

    index: int
    step: Step
    done: bool  # its task is done (or it has none)
    can_next: bool  # Next is enabled (done, or the step unlocks freely; not the last step)
    hint: Text | None  # why the task is not done yet (None when done or without a task)


class GuideProgress:
    """The student's position in ``guide`` and the tasks done so far."""

    def __init__(self, guide: Guide, index: int = 0, done=()):
        self.guide = guide
        self.index = 0
        self.done: set[str] = {s.id for s in guide.steps if s.id in set(done)}
        self.visited = 0  # furthest step reached
        self.go_to(max(0, min(int(index), len(guide) - 1)), force=True)

    @property
    def step(self) -> Step:
        return self.guide.steps[self.index]

    @property
    def is_last(self) -> bool:
        return self.index == len(self.guide) - 1

    def is_unlocked(self, i: int) -> bool:
        """May the student go from step ``i`` to step ``i + 1``?"""
        s = self.guide.steps[i]
        return s.unlock == "next" or s.id in self.done

    def evaluate(self, facts) -> StepStatus:
        """Evaluate the current step's task against ``facts``; a pass is remembered."""
        step = self.step
        hint = None
        if step.task is not None and step.id not in self.done:
            result: CheckResult = evaluate(step.task.check, facts)
            if result.passed:
                self.done.add(step.id)
            else:
                hint = result.hint
        done = step.task is None or step.id in self.done
        return StepStatus(self.index, step, done, self.can_next(), hint)

    def can_next(self) -> bool:
        return not self.is_last and self.is_unlocked(self.index)

    def next(self) -> bool:
        """Go to the next step if it is unlocked; True if the step changed."""
        if not self.can_next():
            return False
        return self.go_to(self.index + 1)

    def back(self) -> bool:
        return self.index > 0 and self.go_to(self.index - 1)

    def go_to(self, i: int, force: bool = False) -> bool:
        """Jump to step ``i`` (a click on the progress strip): allowed when every step before
        it is unlocked, or it was reached before.  True if the step changed."""
        if not 0 <= i < len(self.guide):
            return False
        if not force and i > self.visited and not all(self.is_unlocked(k) for k in range(i)):
            return False
        changed = i != self.index
        self.index = i
        self.visited = max(self.visited, i)
        return changed

    def strip(self) -> tuple[str, ...]:
        """Each step's state for the progress strip: done, current, open or locked."""
        out, reachable = [], True
        for k, s in enumerate(self.guide.steps):
            if k == self.index:
                out.append(CURRENT)
            elif k <= self.visited and (s.task is None or s.id in self.done):
                out.append(DONE)
            elif reachable or k <= self.visited:
                out.append(OPEN)
            else:
                out.append(LOCKED)
            reachable = reachable and self.is_unlocked(k)
        return tuple(out)

    def to_dict(self) -> dict:
        return {"lesson": self.guide.lesson, "step": self.step.id,
                "done": sorted(self.done), "visited": self.visited}

    @classmethod
    def from_dict(cls, guide: Guide, d) -> GuideProgress:
        """Progress saved by :meth:`to_dict` (unknown step ids are dropped; a progress of
        another lesson is refused with :class:`GuideError`)."""
        if not isinstance(d, dict) or d.get("lesson") != guide.lesson:
            raise GuideError("the saved guide progress belongs to another lesson")
        done = d.get("done", [])
        done = [s for s in done if isinstance(s, str)] if isinstance(done, list) else []
        step = d.get("step")
        ids = [s.id for s in guide.steps]
        progress = cls(guide, ids.index(step) if step in ids else 0, done)
        visited = d.get("visited", 0)
        if isinstance(visited, int) and not isinstance(visited, bool):
            progress.visited = max(progress.visited, min(visited, len(guide) - 1))
        return progress
