"""The pure core: models, frameworks, coach, outline. Imports nothing from Textual, Rich or questionary."""
