/**
 * A small browser for tests over real HTTP: a cookie jar (name → value; paths and expiry are
 * honoured loosely: a cookie is sent to paths under its Path, `Max-Age=0` deletes it), no
 * automatic redirects, so each hop can be inspected or rerouted.
 */
export class TestBrowser {
  private readonly jar = new Map<string, { value: string; path: string }>();

  constructor(private readonly origin: string) {}

  async get(pathOrUrl: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(pathOrUrl, { method: 'GET', headers });
  }

  async postForm(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.origin, 'sec-fetch-site': 'same-origin', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  cookieNames(): string[] {
    return [...this.jar.keys()];
  }

  private async send(pathOrUrl: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Response> {
    const url = new URL(pathOrUrl, this.origin);
    const cookie = this.cookieHeader(url.pathname);
    const response = await fetch(url, { ...init, headers: { ...(cookie ? { cookie } : {}), ...init.headers }, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  private cookieHeader(path: string): string {
    return [...this.jar].filter(([, c]) => path === c.path || path.startsWith(`${c.path.replace(/\/$/, '')}/`))
      .map(([name, c]) => `${name}=${c.value}`).join('; ');
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const attr = new Map(attributes.map((a) => { const i = a.indexOf('='); return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)]; }));
    const expired = attr.get('max-age') === '0' || (attr.has('expires') && Date.parse(attr.get('expires') ?? '') < Date.now());
    if (expired) this.jar.delete(name);
    else this.jar.set(name, { value: pair.slice(eq + 1), path: attr.get('path') ?? '/' });
  }
}
