from pyscript import document, workers

model = await workers["model"]  # noqa: F704
await model.version()  # noqa: F704
document.documentElement.dataset.appState = "ready"
