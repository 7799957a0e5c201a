// A start command as a deployment gives it: a compose service, a Kubernetes container, an ECS
// container definition. Data only: nothing in a manifest runs except through the probe.
// Read by the static rules (the deployed start contract) and by the runtime (the probe as deployed).

export type DeploymentKind = 'compose' | 'kubernetes' | 'ecs';

/** A value read from a manifest, with the line that wrote it. */
export interface Deployed<T> {
  value: T;
  line: number;
}

export interface Deployment {
  kind: DeploymentKind;
  /** The manifest, relative to the working directory. */
  file: string;
  /** The service's or container's own line (where its name is written). */
  line: number;
  /** Compose service, Kubernetes container or ECS container definition name. */
  name: string;
  /** Kubernetes: the workload that holds the container (`Deployment/api`, `CronJob/report`). */
  workload?: string;
  /** The image as the manifest names it (`ghcr.io/acme/api:1.4`), when it does. */
  image?: string;
  /**
   * Fields written in another file than `file` (a `compose.override.yaml` over `compose.yaml`):
   * field name (`command`, `stopSignal`, `grace`…) -> that file. Their lines are in that file.
   */
  fieldFiles?: Record<string, string>;
  /**
   * Replaces the image's ENTRYPOINT (compose `entrypoint`, Kubernetes `command`, ECS
   * `entryPoint`), as the platform splits it; `[]` resets it. Absent: the image's.
   */
  entrypoint?: Deployed<string[]>;
  /**
   * Replaces the image's CMD (compose `command`, Kubernetes `args`, ECS `command`). Absent: the
   * image's. `[]` when the platform drops the image's CMD because `entrypoint` is set without it
   * (its line is then the entrypoint's): Kubernetes `command` without `args`, compose and ECS
   * alike.
   */
  command?: Deployed<string[]>;
  /** Literal environment only; `valueFrom`, secrets and env files are left out and named in `skippedEnv`. */
  env: Array<{ name: string; value: string; line: number }>;
  skippedEnv: string[];
  /** The signal the platform sends (compose `stop_signal`, Kubernetes `lifecycle.stopSignal`). Absent: the image's STOPSIGNAL. */
  stopSignal?: Deployed<string>;
  /**
   * Seconds between the stop signal and SIGKILL. `line` is absent when it is the platform's
   * default (compose 10 s, Kubernetes 30 s, ECS 30 s).
   */
  grace: { seconds: number; line?: number };
  /**
   * Kubernetes `lifecycle.preStop`, run before the stop signal; `seconds` when its duration is
   * known (a `sleep` action, or an exec hook that starts with `sleep N`: at least N).
   */
  preStop?: { kind: 'sleep' | 'exec' | 'http'; seconds?: number; argv?: string[]; line: number };
  /** An init in front of PID 1 (compose `init: true`, ECS `linuxParameters.initProcessEnabled`). */
  init?: Deployed<boolean>;
  /** Kubernetes: the pod's init containers, each with its command and args as one text (`sh -c "python manage.py migrate"`). */
  initContainers?: Array<{ name: string; text: string }>;
  /**
   * compose: why the service is a development setup (it bind-mounts its source into the
   * container: "Compose service `web` mounts `.` over `/app`, a development setup").
   */
  devSetup?: string;
  /**
   * compose: single files of the repository bind-mounted into the container
   * (`./entrypoint.sh:/entrypoint.sh:ro`), over what the image has at `target`. Only regular
   * files inside the repository (or the Compose file's folder outside one) are listed.
   */
  mounts?: FileMount[];
  /** compose `profiles`: the service starts only when one of them is enabled. */
  profiles?: string[];
  /** compose/ECS `healthcheck` (`disabled`: `disable: true` or `test: ["NONE"]`). */
  healthcheck?: { argv?: string[]; disabled?: boolean; line: number };
  /** Kubernetes readiness, liveness and startup probes. */
  probes?: Array<{
    kind: 'readiness' | 'liveness' | 'startup';
    line: number;
    exec?: string[];
    httpGet?: { path: string; port: string | number };
    tcpSocket?: { port: string | number };
  }>;
}

/** A host file bind-mounted over a path of the image. */
export interface FileMount {
  /** The absolute path inside the container. */
  target: string;
  /** The file on disk (resolved, inside the repository). */
  absPath: string;
  /** Its display path (relative to the working directory). */
  file: string;
  /** The manifest that mounts it and the line of the `volumes:` entry. */
  manifest: string;
  line: number;
}
