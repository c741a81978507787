/** An RFC 9457 problem answered by the API. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: { title?: string; detail?: string; type?: string; [key: string]: unknown };

  constructor(status: number, problem: ApiError['problem']) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  let problem: ApiError['problem'] = {};
  try {
    problem = (await response.json()) as ApiError['problem'];
  } catch {
    problem = { title: response.statusText };
  }
  return new ApiError(response.status, problem);
}
