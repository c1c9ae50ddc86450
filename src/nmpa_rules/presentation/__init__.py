"""What a decision looks like to a reader: HTML and the worked examples.

No ipywidgets and no IPython here, so the same code serves the notebook calculators, the
book build and the calculators that run in the reader's browser (Pyodide).
"""
