"""The web app's composition root: the app factory (``app.py``), the route table with every router and its
access rule (``routes.py``), the app's own pages (home, errors: ``pages.py``), the ASGI entry point
(``asgi.py``) and the ``serve`` command (``cli.py``). It imports every domain; the UI kit (:mod:`sticoop.web`)
and the domains never import it."""
