"""What tests of several folders share: Chromium and a server for the built site (browser), readers of a built site
(sitecheck), the PDF/UA checks (pdfua), the scanner of the messages the code writes (message_sources), kit sources
to break (kits), the post the news tests schedule around (news) and the imports of the package's modules as
Python's parser reads them (imports). Fixtures and the build helpers are in tests/conftest.py."""
