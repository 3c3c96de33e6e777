import csv
import io

from rekryt.lib.safecsv import csv_response, neutralise


def test_it_neutralises_formulas_in_text_cells():
    for dangerous in ("=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(dangerous) == "'" + dangerous
    assert neutralise("fine") == "fine"
    assert neutralise(-5) == -5
    assert neutralise(None) == ""


def test_it_writes_every_cell_through_the_neutraliser():
    response = csv_response("a.csv", ["=head"], [["=1+1", 3]])
    text = response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [["'=head"], ["'=1+1", "3"]]
    assert response["Content-Disposition"] == 'attachment; filename="a.csv"'
