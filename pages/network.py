"""Network map (optional): list the people who matter and see where the network is wide and deep."""

from ui import resources
from ui.network_view import show_network_map

show_network_map(resources.network(), resources.questionnaire())
