/// Filing a request: `POST /v1/requests`, its body and its receipt (docs/api-intake.md).
public enum Intake {}
