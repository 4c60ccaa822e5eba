"""The optional network map: the people who matter (roster), what they say about the network
(measures), its figures (charts), a contacts-to-connections plan (plan), and how the map feeds
Width and Depth (blend). Content models live in content, loaded by loading."""
