"""Languages: interface strings of the site and the message catalogue of every problem and fix."""
