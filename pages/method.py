"""About the method: dimensions, the guidance each item measures, how scores are computed."""

from ui import resources
from ui.method_view import show_method

show_method(resources.questionnaire())
