"""The analyst's briefing on one dyad: HTML (inline SVG charts), Markdown and JSON from one content dict."""

from marsad.report.build import FORMATS, Report, build_report, render, write_report

__all__ = ["FORMATS", "Report", "build_report", "render", "write_report"]
