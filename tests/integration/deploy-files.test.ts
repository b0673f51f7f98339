// No container runtime runs here, so the Dockerfile, compose.yaml, the systemd
// unit in docs/deploy.md and .env.example are held to their promises by
// reading them: pinned base images, a final stage that holds only the build
// and runs unprivileged with a health check, services that agree with each
// other and with Talka, and every setting listed with its real default.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DockerfileParser, type Copy, type Env, type Healthcheck, type Instruction } from 'dockerfile-ast';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../server/config';

const root = new URL('../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const PINNED_DIGEST = /^sha256:[0-9a-f]{64}$/;

describe('Dockerfile', () => {
  const dockerfile = DockerfileParser.parse(read('Dockerfile'));
  const froms = dockerfile.getFROMs();
  const finalStart = froms.at(-1)!.getRange().start.line;
  const inFinal = (instruction: Instruction) => instruction.getRange().start.line >= finalStart;
  const final = dockerfile.getInstructions().filter(inFinal);
  const build = dockerfile.getInstructions().filter((instruction) => !inFinal(instruction));
  const keyword = (list: Instruction[], name: string) => list.filter((instruction) => instruction.getKeyword() === name);

  it('has a build stage and a final stage, every base image pinned by version and digest', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms[0]!.getBuildStage()).toBe('build');
    const nodeVersion = read('.nvmrc').trim();
    for (const from of froms) {
      // The Node the project is developed and tested on.
      expect(`${from.getImageName()}:${from.getImageTag()}`).toMatch(new RegExp(`^node:${nodeVersion.replaceAll('.', '\\.')}-`));
      expect(from.getImageDigest(), from.getImageName() ?? '').toMatch(PINNED_DIGEST);
    }
  });

  it('builds from the lock file with every dependency, then prunes to the runtime ones', () => {
    const runs = keyword(build, 'RUN').map((instruction) => instruction.getArgumentsContent() ?? '');
    expect(runs.some((run) => /\bnpm ci\b/.test(run))).toBe(true);
    expect(runs.some((run) => /npm run build\b.*npm prune --omit=dev/.test(run))).toBe(true);
  });

  it('the final stage holds the built app, the compiled server and the runtime packages only', () => {
    const copies = keyword(final, 'COPY') as Copy[];
    for (const copy of copies) expect(copy.getFlags().map((flag) => `${flag.getName()}=${flag.getValue()}`)).toEqual(['from=build']);
    expect(copies.map((copy) => copy.getArguments()[0]?.getValue()).sort()).toEqual(['/app/build/server', '/app/dist', '/app/node_modules', '/app/package.json']);
    expect(keyword(final, 'RUN').map((run) => run.getArgumentsContent()).join(' ')).not.toMatch(/npm (ci|install)/);
  });

  it('runs as a user that is not root, plain node on the compiled server, with its data in a volume', () => {
    const users = keyword(final, 'USER').map((user) => user.getArgumentsContent());
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const cmd = keyword(final, 'CMD').at(-1)!;
    expect(cmd.getRange().start.line).toBeGreaterThan(keyword(final, 'USER').at(-1)!.getRange().start.line);
    expect(JSON.parse(cmd.getArgumentsContent() ?? '')).toEqual(['node', 'build/server/main.js']);
    const env = Object.fromEntries((keyword(final, 'ENV') as Env[]).flatMap((instruction) => instruction.getProperties().map((p) => [p.getName(), p.getValue()])));
    expect(env).toMatchObject({ HOST: '0.0.0.0', DATA_DIR: '/data', NODE_ENV: 'production' });
    expect(JSON.parse(keyword(final, 'VOLUME')[0]?.getArgumentsContent() ?? '[]')).toEqual([env.DATA_DIR]);
    expect(keyword(final, 'STOPSIGNAL')[0]?.getArgumentsContent()).toBe('SIGTERM');
  });

  it('reports its health from /api/health, with node (the slim image has no curl)', () => {
    const checks = keyword(final, 'HEALTHCHECK') as Healthcheck[];
    expect(checks).toHaveLength(1);
    const check = checks[0]!;
    expect(check.getSubcommand()?.getValue()).toBe('CMD');
    const command = check.getArgumentsContent() ?? '';
    expect(command).toContain('/api/health');
    expect(JSON.parse(command.slice(command.indexOf('[')))[0]).toBe('node');
    expect(check.getFlags().map((flag) => flag.getName()).sort()).toEqual(['interval', 'retries', 'start-period', 'timeout']);
  });

  it('.dockerignore keeps what a checkout makes, secrets and data out of the build', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    for (const path of ['.git', 'node_modules', 'dist', 'build', 'data', '.env']) expect(ignored).toContain(path);
  });
});

const serviceSchema = v.looseObject({
  image: v.optional(v.string()),
  build: v.optional(v.string()),
  environment: v.optional(v.record(v.string(), v.string())),
  volumes: v.optional(v.array(v.string())),
  ports: v.optional(v.array(v.string())),
  depends_on: v.optional(v.record(v.string(), v.object({ condition: v.string() }))),
  configs: v.optional(v.array(v.object({ source: v.string(), target: v.string() }))),
  healthcheck: v.optional(v.looseObject({ test: v.array(v.string()) })),
  stop_grace_period: v.optional(v.string()),
});
const composeSchema = v.object({
  name: v.string(),
  services: v.object({ talka: serviceSchema, postgres: serviceSchema, caddy: serviceSchema }),
  configs: v.record(v.string(), v.object({ content: v.string() })),
  volumes: v.record(v.string(), v.nullable(v.object({}))),
});

describe('compose.yaml', () => {
  const compose = v.parse(composeSchema, parseYaml(read('compose.yaml')));
  const { talka, postgres, caddy } = compose.services;
  const env = talka.environment ?? {};
  /** Where each volume is mounted: target → source. */
  const mounts = (service: v.InferOutput<typeof serviceSchema>): Record<string, string> =>
    Object.fromEntries((service.volumes ?? []).map((volume) => {
      const [source = '', target = ''] = volume.split(':');
      return [target, source];
    }));

  it('builds Talka from this repository and pins the other images by version and digest', () => {
    expect(talka.build).toBe('.');
    for (const image of [postgres.image, caddy.image]) expect(image).toMatch(/^[a-z]+:\d+\.\d+(\.\d+)?-[a-z]+@sha256:[0-9a-f]{64}$/);
  });

  it('Talka reaches the compose PostgreSQL with its user, password and database', () => {
    const url = new URL(env.DATABASE_URL!.replace(/\$\{POSTGRES_PASSWORD[^}]*\}/, 'secret'));
    expect([url.protocol, url.hostname, url.port, url.pathname]).toEqual(['postgres:', 'postgres', '5432', `/${postgres.environment?.POSTGRES_DB}`]);
    expect(url.username).toBe(postgres.environment?.POSTGRES_USER);
    expect(env.DATABASE_URL).toContain('${POSTGRES_PASSWORD');
    expect(postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD/);
    expect(talka.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(postgres.healthcheck?.test).toContain('pg_isready');
  });

  it('Talka listens inside the network, says it is reached over HTTPS behind one proxy, and keeps its data in a volume', () => {
    expect(env).toMatchObject({ HOST: '0.0.0.0', TRUST_PROXY: '1', DATA_DIR: '/data' });
    expect(env.PUBLIC_URL).toMatch(/^https:\/\/\$\{TALKA_DOMAIN/);
    expect(talka.ports).toBeUndefined();
    expect(mounts(talka)['/data']).toBe('talka-data');
    expect(mounts(postgres)['/var/lib/postgresql/data']).toBe('postgres-data');
    // Longer than the 10 s Talka takes at most to finish what is in flight.
    expect(Number.parseInt(talka.stop_grace_period ?? '10s', 10)).toBeGreaterThan(10);
  });

  it('Caddy serves 80 and 443, keeps its certificates, and proxies the domain to Talka, asking it if it is ready', () => {
    expect(caddy.ports).toEqual(expect.arrayContaining(['80:80', '443:443']));
    expect(mounts(caddy)).toMatchObject({ '/data': 'caddy-data', '/config': 'caddy-config' });
    expect(caddy.depends_on?.talka?.condition).toBe('service_healthy');
    const config = caddy.configs?.find((entry) => entry.target === '/etc/caddy/Caddyfile');
    const caddyfile = compose.configs[config!.source]!.content;
    expect(caddyfile).toMatch(/^\$\{TALKA_DOMAIN\} \{/);
    expect(caddyfile).toContain(`reverse_proxy talka:${env.PORT}`);
    expect(caddyfile).toMatch(/health_uri \/api\/ready/);
  });

  it('declares every named volume it mounts', () => {
    const named = [talka, postgres, caddy].flatMap((service) => Object.values(mounts(service))).filter((source) => !source.startsWith('.'));
    expect(Object.keys(compose.volumes).sort()).toEqual([...new Set(named)].sort());
  });
});

describe('docs/deploy.md, the server without containers', () => {
  const doc = read('docs/deploy.md');
  const unit = /```ini\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const setting = (name: string) => new RegExp(`^\\s*${name}=(.*)$`, 'm').exec(unit)?.[1];

  it('its systemd unit runs plain node on the compiled server as its own user, and waits for the graceful stop', () => {
    expect(setting('ExecStart')).toMatch(/\/node build\/server\/main\.js$/);
    expect(setting('User')).toBe('talka');
    expect(setting('KillSignal')).toBe('SIGTERM');
    expect(Number(setting('TimeoutStopSec'))).toBeGreaterThan(10);
    expect(setting('EnvironmentFile')).toBe('/etc/talka/talka.env');
  });

  it('its public Caddyfile proxies to where the settings make Talka listen, asking /api/ready', () => {
    const caddyfile = /```caddyfile\n\s*(talka\.example\.lv[\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const host = /^\s*HOST=(.*)$/m.exec(doc)?.[1];
    const port = /^\s*PORT=(.*)$/m.exec(doc)?.[1];
    expect(caddyfile).toContain(`reverse_proxy ${host}:${port}`);
    expect(caddyfile).toContain('health_uri /api/ready');
  });
});

describe('.env.example', () => {
  const lines = read('.env.example').split('\n');
  const listed = new Map<string, { value: string; set: boolean }>();
  for (const line of lines) {
    const match = /^(# )?([A-Z][A-Z0-9_]+)=(.*)$/.exec(line);
    if (match) listed.set(match[2]!, { value: match[3]!, set: !match[1] });
  }

  it('lists every variable the server reads', () => {
    const sources = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'server'], { cwd: root, encoding: 'utf8' })
      .split('\n').filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'));
    const names = new Set(sources.flatMap((path) => [...read(path).matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]!)));
    expect(names.size).toBeGreaterThan(5);
    expect([...names].filter((name) => !listed.has(name))).toEqual([]);
  });

  it('the values it sets are the defaults: setting them changes nothing', () => {
    const set = Object.fromEntries([...listed].filter(([, entry]) => entry.set).map(([name, entry]) => [name, entry.value]));
    expect(Object.keys(set)).toEqual(expect.arrayContaining(['HOST', 'PORT', 'DATA_DIR', 'STATIC_DIR']));
    expect(loadConfig(set, '/srv/talka')).toEqual(loadConfig({}, '/srv/talka'));
  });

  it("lists what compose.yaml reads from .env, and compose gives Talka only settings it lists", () => {
    const compose = read('compose.yaml');
    for (const [, name] of compose.matchAll(/\$\{([A-Z][A-Z0-9_]+)/g)) expect(listed.has(name!), name).toBe(true);
    const environment = v.parse(composeSchema, parseYaml(compose)).services.talka.environment ?? {};
    expect(Object.keys(environment).filter((name) => !listed.has(name))).toEqual([]);
  });
});
