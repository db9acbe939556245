"""eSIM standards: activation codes (GSMA SGP.22), EIDs, ICCIDs, QR codes, secrets.

No Textual, no files, no words: problems come back as typed values with a stable
code (`esim_ready.esim.words` turns them into text at the edge). The profiles
store, the exchange formats, the CLI and the TUI all call this layer.
"""
