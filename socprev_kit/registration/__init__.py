"""The tools of a small municipality: the registration workbook, the intake store and the feedback
page."""
