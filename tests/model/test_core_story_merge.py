"""The second merging pass: reports of one interaction within a story, dated a day apart or by month."""

from __future__ import annotations

from marsad.model import DyadModel, ModelConfig, Registers


def _consults(make_event, story2="pack-1"):
    e = make_event
    return [
        # dated from the text (differs from the publication day): the summit day
        e("CONSULT", "TUR", "RUS", 4, "2021-09-29", mode="visit", published="2021-09-30", story="pack-1",
          outlet="o1"),
        # headline dated by its publication day, no mode stated
        e("CONSULT", "RUS", "TUR", 2.5, "2021-09-30", published="2021-09-30", story="pack-1", outlet="o2"),
        e("CONSULT", "RUS", "TUR", 2.5, "2021-09-30", published="2021-09-30", story="pack-1", outlet="o3"),
        # dated by month only
        e("CONSULT", "TUR", "RUS", 2.5, "2021-09", published="2021-09-30", story=story2, outlet="o4"),
    ]


def test_reports_of_one_summit_are_one_interaction(make_event):
    model = DyadModel.build(_consults(make_event), "TUR", "RUS")
    assert len(model.interactions) == 1
    it = model.interactions[0]
    # the date taken from the text wins over the two publication-day dates
    assert (it.date, it.mode, len(it.records)) == ("2021-09-29", "visit", 4)
    c = Registers.build(model).contacts
    assert len(c) == 1 and c[0].date == "2021-09-29" and c[0].mode == "visit"


def test_other_story_is_not_merged(make_event):
    model = DyadModel.build(_consults(make_event, story2="elsewhere"), "TUR", "RUS")
    assert sorted(it.date for it in model.interactions) == ["2021-09", "2021-09-29"]


def test_a_phone_call_is_not_a_visit_and_far_dates_stay_apart(make_event):
    e = make_event
    recs = [e("CONSULT", "TUR", "RUS", 4, "2021-09-29", mode="visit", story="s"),
            e("CONSULT", "TUR", "RUS", 1.5, "2021-09-29", mode="phone", story="s"),
            e("CONSULT", "TUR", "RUS", 2.5, "2021-09-25", story="s")]
    model = DyadModel.build(recs, "TUR", "RUS")
    assert len(model.interactions) == 3


def test_window_off(make_event):
    cfg = ModelConfig.load()
    object.__setattr__(cfg, "merge_window_days", -1)
    model = DyadModel.build(_consults(make_event), "TUR", "RUS", config=cfg)
    # only the exact pass: same day and mode -> the two headline reports
    assert len(model.interactions) == 3
