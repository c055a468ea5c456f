/// The auditors' reports in JSON (`GET /v1/reports/{name}?format=json`, docs/reports.md): one document per report,
/// its rows typed per report. CSV and HTML are for people and spreadsheets: their content is not part of this
/// contract, and a client takes them as the server wrote them (`Routes.renderedReport`).
public enum Reports {}
