"""JavaScript that the end-to-end tests and the page benchmark install in a page before it loads."""

# From the document's start: the time each app state was reached (window.__states, performance.now() ms)
# and every long task (window.__longTasks: {start, duration}).
RECORD_START = """
window.__longTasks = [];
window.__states = {};
new PerformanceObserver(list => window.__longTasks.push(...list.getEntries().map(
    task => ({start: task.startTime, duration: task.duration})))).observe({type: "longtask", buffered: true});
new MutationObserver(() => {
    const state = document.documentElement.dataset.appState;
    if (!(state in window.__states)) window.__states[state] = performance.now();
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-app-state"]});
"""
